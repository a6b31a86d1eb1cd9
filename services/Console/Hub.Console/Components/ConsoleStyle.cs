namespace Hub.Console.Components;

/// <summary>The console's few styles, inline so the page needs no static files behind the gateway.</summary>
internal static class ConsoleStyle
{
    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f6f8fa; }
        header { background: #0b3d5c; color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1.2rem; align-items: center; }
        header a { color: #fff; text-decoration: none; }
        header a:hover { text-decoration: underline; }
        header .who { margin-left: auto; display: flex; gap: .6rem; align-items: center; }
        main { padding: 1rem 1.2rem; }
        table { border-collapse: collapse; background: #fff; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: #eaeef2; }
        .ok { color: #116329; font-weight: 600; }
        .bad { color: #a40e26; font-weight: 600; }
        .warn { color: #7d4e00; font-weight: 600; }
        .notice { background: #dafbe1; border: 1px solid #4ac26b; padding: .5rem .8rem; margin: .5rem 0; }
        .error { background: #ffebe9; border: 1px solid #ff8182; padding: .5rem .8rem; margin: .5rem 0; }
        pre { white-space: pre-wrap; word-break: break-all; max-width: 70rem; margin: 0; font-size: .8rem; }
        form.inline { display: inline; }
        .muted { color: #57606a; font-size: .85rem; }
        """;
}
