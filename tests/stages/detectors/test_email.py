def test_a_personal_mailbox_is_for_review(found):
    text = "有问题发我邮箱zhangsan1990@163.com"
    assert ("SC504", "review", "zhangsan1990@163.com") in found(text)


def test_published_and_government_mailboxes_are_not_findings(found):
    assert found("投稿邮箱：xcb_tougao@163.com。") == []
    assert found("来信请寄 office@example.gov.cn。") == []
