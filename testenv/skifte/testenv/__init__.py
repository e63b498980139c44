"""A local stand-in for the external test environment: stateful, fictitious, same security model."""
