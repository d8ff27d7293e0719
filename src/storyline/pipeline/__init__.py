"""Steps, their registry and the executors that run them."""
