using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HelpDesk.Testing;

/// <summary>
/// A browser-like HTTP client: keeps cookies, reads pages as HTML documents and posts their
/// forms with the antiforgery token they carry, as a person submitting the form would.
/// </summary>
public sealed class PageClient(HttpClient http, CookieContainer cookies)
{
    public HttpClient Http { get; } = http;
    /// <summary>The browser's cookie jar; hand it to a client of a restarted app to keep the session.</summary>
    public CookieContainer Cookies { get; } = cookies;

    public static PageClient For(HelpDeskApp app, CookieContainer? cookies = null, bool followRedirects = true)
    {
        cookies ??= new CookieContainer();
        DelegatingHandler[] handlers = followRedirects
            ? [new RedirectHandler(), new CookieContainerHandler(cookies)]
            : [new CookieContainerHandler(cookies)];
        var http = app.CreateDefaultClient(new Uri("http://localhost"), handlers);
        // Browsers send Origin on every POST; the passkey checks and antiforgery expect it.
        http.DefaultRequestHeaders.Add("Origin", http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return new PageClient(http, cookies);
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Fills the form found by <paramref name="formSelector"/> and submits it with the button or handler it names.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> SubmitAsync(
        IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string>? values = null, string? submitName = null, string? submitValue = null)
    {
        var (target, fields) = FormFields(page, formSelector, values, submitName, submitValue);
        var response = await Http.PostAsync(target, new FormUrlEncodedContent(fields));
        return (response, await ParseAsync(response));
    }

    /// <summary>Like <see cref="SubmitAsync"/>, as multipart/form-data with files attached (a file input as the browser sends it).</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> SubmitWithFilesAsync(
        IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string>? values, params (string Name, string FileName, byte[] Content, string ContentType)[] files)
    {
        var (target, fields) = FormFields(page, formSelector, values, null, null);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Name, file.FileName);
        }
        var response = await Http.PostAsync(target, content);
        return (response, await ParseAsync(response));
    }

    /// <summary>The form's address and fields as a browser would send them: checked boxes only, <paramref name="values"/> replacing what is there.</summary>
    private static (Uri Target, List<KeyValuePair<string, string>> Fields) FormFields(
        IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string>? values, string? submitName, string? submitValue)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(element.Name) || element.Type is "submit" or "button" or "file") continue;
            if (element.Type is "checkbox" or "radio" && !element.IsChecked) continue;
            fields.Add(new(element.Name, element.Value));
        }
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>())
            if (!string.IsNullOrEmpty(select.Name)) fields.Add(new(select.Name, select.Value ?? ""));
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        if (submitName is not null) fields.Add(new(submitName, submitValue ?? ""));

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.Action;
        return (new Uri(new Uri(page.Url), action), fields);
    }

    /// <summary>Signs in by the fallback route: user name and password, then the authenticator code.</summary>
    public async Task SignInAsync(TestAccount account)
    {
        var (_, page) = await GetAsync("/account/signin");
        var (_, codePage) = await SubmitAsync(page, "form[action*='handler=Password']", new Dictionary<string, string>
        {
            ["Input.UserName"] = account.UserName,
            ["Input.Password"] = account.Password,
        });
        var (response, home) = await SubmitAsync(codePage, "main form", new Dictionary<string, string> { ["Code"] = account.CurrentCode() });
        if (response.StatusCode != HttpStatusCode.OK || home.QuerySelector("[data-testid=signed-in-as]") is null)
            throw new InvalidOperationException($"Sign-in of {account.Role} failed at {home.Url}.");
    }

    /// <summary>
    /// Does what passkeys.js does for a form marked data-passkey: fetch the options, let the
    /// authenticator answer, and submit the form with the credential.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> UsePasskeyAsync(
        IHtmlDocument page, string formSelector, SoftwareAuthenticator authenticator)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(e => !string.IsNullOrEmpty(e.Name))
            .Select(e => new KeyValuePair<string, string>(e.Name!, e.Value)).ToList();
        var optionsUrl = new Uri(new Uri(page.Url), form.GetAttribute("data-options-url"));
        var optionsResponse = await Http.PostAsync(optionsUrl, new FormUrlEncodedContent(fields));
        optionsResponse.EnsureSuccessStatusCode();
        var options = await optionsResponse.Content.ReadAsStringAsync();
        var origin = Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var credential = form.GetAttribute("data-passkey") == "create" ? authenticator.Create(options, origin) : authenticator.Get(options, origin);
        return await SubmitAsync(page, formSelector, new Dictionary<string, string> { [CredentialField(form)] = credential });
    }

    private static string CredentialField(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>().Select(e => e.Name).First(n => n?.EndsWith("CredentialJson") == true)!;

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var url = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(url));
    }
}
