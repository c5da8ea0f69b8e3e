"""The article: reading a file, front matter, sections, language, the comment footer."""
