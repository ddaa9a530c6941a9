"""Knowledge base: records from sanctions lists and the curated register, loaders, the store of them."""
