"""IPTC ninjs 2.x and 3.x: writing, reading and validating against the official schemas."""
