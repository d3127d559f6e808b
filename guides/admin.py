# Nothing to administer: the guides' figures are curated in the catalog's admin and in
# catalog/data/market.json, and their text in templates/guides/.
