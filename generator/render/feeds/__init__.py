"""The site's feeds: every feed decided once (feedlist), each planned as files in its
formats with OPML (files), written by each format's writer (writers: RSS, Atom, JSON
Feed; digest: the daily digest), their items (items) and what feedgen lacks (extensions)."""
