"""Loading and validation: files -> front matter -> Article or Diagnostics."""
