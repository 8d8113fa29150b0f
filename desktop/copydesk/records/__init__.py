"""Plain values every layer passes around: articles, pictures, problems found by checks."""
