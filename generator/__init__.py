"""lamtheobac: a static site generator for the portal “Học tập và làm theo Bác”."""

__version__ = "0.1.0"
