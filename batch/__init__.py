"""A bulk run's inputs and out dir: which files it takes (each once), the output each is written
to (one name per input, on every run), and the run manifest that says what is done."""
