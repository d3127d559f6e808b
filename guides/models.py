# The guides own no tables: they read the catalog, the market file and the person's own
# self-assessment. A guide's text lives in its template; its figures come from those sources.
