"""The skill taxonomy as plain data, for unit tests of the pure domain modules."""

SKILL_NAMES = {
    "linear-algebra": "Linear algebra",
    "calculus": "Calculus and optimisation",
    "probability-statistics": "Probability and statistics",
    "python": "Python",
    "data-libraries": "Data libraries (NumPy, pandas)",
    "classical-ml": "Classical ML (scikit-learn)",
    "deep-learning": "Deep learning (TensorFlow, PyTorch)",
    "generative-ai": "Generative AI",
    "responsible-ai": "Responsible AI",
    "mlops": "MLOps and deployment",
    "google-cloud": "Google Cloud",
    "aws": "AWS",
    "azure": "Azure",
    "spark-databricks": "Spark and Databricks",
}
