"""Pictures: their store, files and embedded metadata (IIM/XMP), licences, credits and
compliance, presets, renditions, imports and the use cases of the Picture Library."""
