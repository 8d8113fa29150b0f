"""Text as an editor sees it: typography, outline, statistics, find, picture references,
HTML to Markdown and the spans where two texts differ. No database, no Qt."""
