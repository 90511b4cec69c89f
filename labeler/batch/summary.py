"""What a batch run reports at the end."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BatchSummary:
    rows: int  # rows in the output (= records in the input)
    errors: int  # rows whose ``error`` is filled, malformed lines included
    seconds: float  # wall time of this run
    rate: float  # rows scored per second in this run
    output: str
    malformed_lines: list[str] = field(default_factory=list)  # "file:line: why" (first 1,000)
    malformed: int = 0  # how many records could not be read at all
    resumed_rows: int = 0  # rows taken over from a killed run's finished chunks
    engine: str = "local"

    def describe(self) -> str:
        parts = [f"{self.rows:,} rows", f"{self.errors:,} errors"]
        if self.malformed:
            parts.append(f"{self.malformed:,} malformed lines")
        if self.resumed_rows:
            parts.append(f"{self.resumed_rows:,} rows resumed")
        return (f"scored {', '.join(parts)} in {self.seconds:.1f} s ({self.rate:,.0f} rows/s, "
                f"{self.engine}) -> {self.output}")
