using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

/// <summary>The invoice editor as a browser without JavaScript uses it: lines added, totals shown, client searched, draft edited and deleted.</summary>
public sealed class DraftEditorPageTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task Editor_AddsLines_ShowsTotals_SavesFrenchNumbers_EditsAndDeletesTheDraft()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        using var browser = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        var fields = BrowserForms.HiddenFields(await browser.GetStringAsync("/factures/nouvelle"));
        fields["Input.ActivityId"] = world.LilleActivity.ToString();
        fields["Input.ClientId"] = client.Id.ToString();
        fields["Input.ServiceFrom"] = TestDates.Text(TestDates.Today);
        fields["Input.Lines[0].Description"] = "Concert";
        fields["Input.Lines[0].Quantity"] = "1";
        fields["Input.Lines[0].UnitPrice"] = "1 200,50";
        fields["Input.Lines[0].VatCode"] = "FR_20";
        fields["Input.Lines[1].Description"] = "";

        // « Ajouter une ligne » saves nothing, keeps what was typed, shows one more empty line and the totals.
        var added = await PostAsync(browser, "/factures/nouvelle?handler=AddLine", fields);
        Assert.Contains("value=\"1 200,50\"", added, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Lines[1].Description\"", added, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Lines[2].Description\"", added, StringComparison.Ordinal);
        Assert.Equal("1 200,50 €", Figure(added, "net"));
        Assert.Equal("1 440,60 €", Figure(added, "gross"));
        // The page's address is now ?handler=AddLine: the form says where « Enregistrer » goes, not the address bar.
        Assert.Contains("<form method=\"post\" action=\"/factures/nouvelle\"", added, StringComparison.Ordinal);

        // The search narrows the drop-down to the client with that SIREN, shown with its SIREN and town.
        fields["ClientSearch"] = client.Siren!;
        var searched = await PostAsync(browser, "/factures/nouvelle?handler=FindClient", fields);
        var options = Regex.Matches(Regex.Match(searched, "<select id=\"Input_ClientId\".*?</select>", RegexOptions.Singleline).Value, "<option value=\"[^\"]+\"");
        Assert.Single(options);
        Assert.Contains($"SIREN {client.Siren![..3]} {client.Siren[3..6]} {client.Siren[6..]} — {client.City}", searched, StringComparison.Ordinal);

        fields["__Idempotency"] = Guid.NewGuid().ToString("N");
        using var saved = await browser.PostAsync("/factures/nouvelle", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = InvoiceId.From(Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]));
        Assert.Equal(120_050, (await ViewAsync(id)).Totals.Net.Cents);

        // Edited: the stored price comes back as typed in French, a new price is saved.
        var edit = await browser.GetStringAsync($"/factures/{id}/modifier");
        Assert.Contains("value=\"1 200,5\"", WebUtility.HtmlDecode(edit).Replace('\u202f', ' '), StringComparison.Ordinal);
        var editFields = BrowserForms.HiddenFields(edit);
        editFields["Input.ClientId"] = client.Id.ToString();
        editFields["Input.ServiceFrom"] = TestDates.Text(TestDates.Today);
        editFields["Input.Lines[0].Description"] = "Concert, deux sets";
        editFields["Input.Lines[0].Quantity"] = "2";
        editFields["Input.Lines[0].UnitPrice"] = "750";
        using var updated = await browser.PostAsync($"/factures/{id}/modifier", new FormUrlEncodedContent(editFields));
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        Assert.Equal(150_000, (await ViewAsync(id)).Totals.Net.Cents);

        // Not the Paris member's: 404; thrown away: gone.
        using var paris = await factory.SignedInBrowserAsync(World.ParisMemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await paris.GetAsync($"/factures/{id}/modifier")).StatusCode);
        editFields["__Idempotency"] = Guid.NewGuid().ToString("N");
        using var deleted = await browser.PostAsync($"/factures/{id}/modifier?handler=Delete", new FormUrlEncodedContent(editFields));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/factures/{id}")).StatusCode);
    }

    [Fact]
    public async Task Editor_IssuedInvoice_IsShownNotEdited_AndDuplicatesIntoADraft()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "3", "HUR", "40", null)));
        using var browser = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        using var edit = await browser.GetAsync($"/factures/{issued.Id}/modifier");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/factures/{issued.Id}", edit.Headers.Location!.OriginalString);

        var fields = BrowserForms.HiddenFields(await browser.GetStringAsync($"/factures/{issued.Id}"));
        using var copied = await browser.PostAsync($"/factures/{issued.Id}?handler=Duplicate", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var copy = await ViewAsync(InvoiceId.From(Guid.Parse(copied.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1])));
        Assert.Equal((InvoiceStatus.Draft, issued.Totals.Net), (copy.Status, copy.Totals.Net));
    }

    private Task<InvoiceView> ViewAsync(InvoiceId id) => factory.InScopeAsync(s => s.GetRequiredService<GetInvoice>().HandleAsync(id, Actor.System));

    private static async Task<string> PostAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        fields["__Idempotency"] = Guid.NewGuid().ToString("N");
        using var response = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace('\u202f', ' ').Replace('\u00a0', ' ');
    }

    private static string Figure(string html, string total) =>
        Regex.Replace(Regex.Match(html, $"data-total=\"{total}\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", string.Empty).Trim();
}
