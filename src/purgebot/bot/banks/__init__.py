"""The bank feature: list, show, upload and remove question banks."""
