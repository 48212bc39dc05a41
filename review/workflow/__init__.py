"""The release workflow: a store of items, a roster of signed identities, the review chain
and a hash-chained, signed audit log. It calls the checking pipeline; the pipeline never
calls it."""
