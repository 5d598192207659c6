"""The Bitcoin L2 catalogue generator: load -> validate -> render Markdown -> build the site."""
