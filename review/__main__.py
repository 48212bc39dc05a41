from review.cli import run

run()
