"""The Apache Spark executor: the same steps as ``storyline run``, on a Spark cluster.

Reading and the record steps (clean, language) run distributed, in ``mapPartitions``;
the corpus steps run on the driver over a local store, through the same executor
code as a local run (see docs/spark.md). Importing this package does not import
pyspark; :mod:`storyline.scale.session` does, when a run starts.
"""
