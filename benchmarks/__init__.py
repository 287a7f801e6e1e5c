"""The performance suite (`make bench`): figures and ratios against baselines run alongside."""
