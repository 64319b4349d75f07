"""The relation pattern families that ``kgbuild.extract.component.PATTERNS`` names, one module each."""
