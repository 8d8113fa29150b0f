"""The newsroom: a library that is a replica of a desk on a PostgreSQL server, and its sync."""
