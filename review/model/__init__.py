"""The classifier stage's model: training (scikit-learn, `train.py`, imported only to train or
evaluate) and serving (`scorer.py`: NumPy only, never unpickles anything)."""
