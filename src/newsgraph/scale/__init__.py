"""scale: running the same stage functions at volume (near-duplicate clustering, the Spark job)."""
