"""Run by test_concurrency as a separate process: one editor and one reviewer of its own
submitting and approving ITEMS items through the workflow API. Once ready it leaves a file
`ready-INDEX` and waits for a file `go`, so that all the workers start at once. Prints how many
items it finished, and when (time.monotonic) it started and ended them."""

import sys
import time
from pathlib import Path

from review.workflow import keys
from review.workflow.service import Service
from review.workflow.store import Store, sqlite_url
from review.workflow.workspace import Workspace

root, url, index, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
ws = Workspace(root)
store = Store(url if url != "-" else sqlite_url(root))
editor = Service(ws, store, keys.load(root / "keys" / f"ed{index}.pem"))
reviewer = Service(ws, store, keys.load(root / "keys" / f"rv{index}.pem"))
(root / f"ready-{index}").touch()
while not (root / "go").exists():
    time.sleep(0.005)
began, done = time.monotonic(), 0
for n in range(count):
    path = root / "posts" / f"w{index}-{n}.txt"
    path.write_text(f"第{index}组第{n}号通知：关于开展冬季消防安全检查的通知。\n", encoding="utf-8")
    item = editor.submit(path, f"w{index}-{n}")
    reviewer.approve(item)
    done += 1
print(done, began, time.monotonic())
