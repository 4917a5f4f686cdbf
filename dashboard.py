"""The framing dashboard: `streamlit run dashboard.py` in a checkout, or `framing dashboard` anywhere.

The app itself is the package's (framing/app/main.py: page frame, sidebar, navigation; one module per page in
framing/app/), so that an installed wheel can start it too.
"""

from framing.app.main import main

# Streamlit runs this file as __main__. A process pool started later in the same interpreter (after AppTest) re-runs
# the main module in its children as __mp_main__, where the page must not be built.
if __name__ == "__main__":
    main()
