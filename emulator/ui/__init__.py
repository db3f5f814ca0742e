"""The dashboard at `/_emulator/ui`: a page that watches and drives one emulator through its control API."""
