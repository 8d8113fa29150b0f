"""The live HTML preview."""
