//! Frictionless data packages.
