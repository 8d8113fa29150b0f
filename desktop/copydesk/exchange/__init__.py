"""What enters and leaves a library: publishing packages, ninjs, Markdown and plain-text
articles, the library archive, and the hardened zip and JSON readers they stand on."""
