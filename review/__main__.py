from review.console import run

run()
