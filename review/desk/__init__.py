"""The review desk (`review serve`): a local web page over the same service as the command
line. Reviewers read a draft with its findings marked in place and approve, reject, override
or record consent; the office reads accounts, alerts and the five indices. Every action is
the service's own (review.workflow.service), signed with the key of the person who started
the desk: the page adds no way around a rule.

Modules: guard (who may talk to the desk at all) and peers (whose socket a connection is),
app (the routes and the one error boundary), context (a run of the desk, how a page is
drawn), pages (queue, draft, actions, the inspectors' record), office (accounts desk,
notices), drawn (a draft's text as its reader sees it), marked (that text with its findings
in place), charts (server-drawn SVG), command (`review serve`)."""
