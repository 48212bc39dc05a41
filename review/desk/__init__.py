"""The review desk (`review serve`): a local web page over the same service as the command
line. Reviewers read a draft with its findings marked in place and approve, reject, override
or record consent; the office reads accounts, alerts and the five indices. Every action is
the service's own (review.workflow.service), signed with the key of the person who started
the desk: the page adds no way around a rule.

Modules: guard (who may talk to the desk at all), app (the routes), pages (queue, draft,
actions, the inspectors' record), office (accounts desk, notices), marked (a draft's text
with its findings in place), charts (server-drawn SVG), command (`review serve`)."""
