from assessments.templatetags.assessment_text import inline_code


def test_backticked_code_becomes_code_and_everything_else_is_escaped():
    assert inline_code("What does `df.groupby('a').agg(x=('b', 'sum'))` return <here>?") == (
        "What does <code>df.groupby(&#x27;a&#x27;).agg(x=(&#x27;b&#x27;, &#x27;sum&#x27;))</code>"
        " return &lt;here&gt;?"
    )


def test_text_without_backticks_is_only_escaped():
    assert inline_code("A & B") == "A &amp; B"


def test_code_of_several_lines_keeps_its_line_breaks_as_a_block():
    assert inline_code("What prints?\n`a = 1\nprint(a)`") == (
        'What prints?\n<code class="code-block">a = 1\nprint(a)</code>'
    )
