"""Reading articles from files, folders and stdin into the corpus frame."""
