from marsad.cli import app

# named as the installed command is, so usage lines read "marsad ..." and not "python -m marsad.cli ..."
app(prog_name="marsad")
