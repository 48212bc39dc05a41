"""The classifier stage's model: training (scikit-learn, `train.py`, imported only to train or
evaluate) and serving (`scorer.py`: no NumPy, no scikit-learn; a model file is never unpickled)."""
