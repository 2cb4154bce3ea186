"""Builds the daily report. A stand-in for the example workspace."""
import argparse
import os

parser = argparse.ArgumentParser()
parser.add_argument("--format", default="pdf")
args = parser.parse_args()
print(f"report in {args.format} for {os.environ.get('COPILOT_ENVIRONMENT_NAME', 'local')}")
