//! Shared helpers of the command line's tests.
#![allow(dead_code)]

pub mod cli;
