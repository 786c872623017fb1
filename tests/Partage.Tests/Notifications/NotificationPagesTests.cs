using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Notifications;
using Partage.App.Modules.Notifications.Features;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Notifications;

/// <summary>The pages without JavaScript: the manager sends an invoice back from its page, the member reads it in their notifications and sets their preferences.</summary>
public sealed class NotificationPagesTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task SendBackFromTheInvoicePage_MemberReadsIt_OpensIt_SetsPreferences()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Tournée d'hiver", "1", "C62", "9500", null)), member);
        await Sales.IssueAsync(factory, draft.Id, member);

        using var manager = await factory.SignedInBrowserAsync(World.LilleManager);
        var page = await manager.GetStringAsync($"/factures/{draft.Id}");
        Assert.Contains("Renvoyer avec ce motif", page, StringComparison.Ordinal);
        var fields = BrowserForms.HiddenFields(page);
        fields["SendBackReason"] = "";
        using (var refused = await manager.PostAsync($"/factures/{draft.Id}?handler=SendBack", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var shown = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Le motif est obligatoire.", WebUtility.HtmlDecode(shown), StringComparison.Ordinal);
            fields = BrowserForms.HiddenFields(shown);   // a new idempotency key for a new attempt
        }

        fields["SendBackReason"] = "Ajoutez le numéro de bon de commande.";
        using (var sent = await manager.PostAsync($"/factures/{draft.Id}?handler=SendBack", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using var browser = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        var invoice = WebUtility.HtmlDecode(await browser.GetStringAsync($"/factures/{draft.Id}"));
        Assert.Contains("Renvoyée par votre gestionnaire d'activité : « Ajoutez le numéro de bon de commande. »", invoice, StringComparison.Ordinal);
        Assert.Matches(@"<a href=""/notifications"">Notifications \([0-9  ]+ non lues?\)</a>", invoice);

        var notices = WebUtility.HtmlDecode(await browser.GetStringAsync("/notifications"));
        Assert.Contains("vous est renvoyée : Ajoutez le numéro de bon de commande.", notices, StringComparison.Ordinal);
        var notice = (await factory.InScopeAsync(s => s.GetRequiredService<ListNotices>().HandleAsync(false, 1, 200, member))).Notices.Items.First(n => n.Link == $"/factures/{draft.Id}");
        using (var opened = await browser.PostAsync($"/notifications?handler=Open&id={notice.Id}", new FormUrlEncodedContent(BrowserForms.HiddenFields(notices))))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal($"/factures/{draft.Id}", opened.Headers.Location?.OriginalString);
        }

        Assert.True((await factory.InScopeAsync(s => s.GetRequiredService<ListNotices>().HandleAsync(false, 1, 200, member))).Notices.Items.First(n => n.Id == notice.Id).Read);

        // Every kind in Partage but wages; nothing by e-mail. An unticked box is simply not sent.
        var form = new List<KeyValuePair<string, string>>(BrowserForms.HiddenFields(await browser.GetStringAsync("/notifications")));
        form.AddRange(Enum.GetValues<NoticeKind>().Where(k => k != NoticeKind.WagePaid && !NotificationLabels.ForManagers(k)).Select(k => new KeyValuePair<string, string>("InApp", k.ToString())));
        using (var saved = await browser.PostAsync("/notifications?handler=Preferences", new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var choices = await factory.InScopeAsync(s => s.GetRequiredService<NoticePreferences>().GetAsync(member));
        Assert.All(choices, c => Assert.Equal((c.Kind != NoticeKind.WagePaid, false), (c.InApp, c.Email)));
        var again = await browser.GetStringAsync("/notifications");
        Assert.Matches(@"<input type=""checkbox"" name=""InApp"" value=""WagePaid"" aria-label=""[^""]+"" />", WebUtility.HtmlDecode(again));
        Assert.Matches(@"<input type=""checkbox"" name=""InApp"" value=""PaymentReceived"" checked=""checked"" aria-label=""[^""]+"" />", WebUtility.HtmlDecode(again));
        Assert.Equal(0, Regex.Count(again, @"name=""Email""[^>]*checked"));

        await factory.InScopeAsync(s => s.GetRequiredService<NoticePreferences>().SaveAsync(Enum.GetValues<NoticeKind>().Select(k => new NoticeChoice(k, true, true)).ToList(), member));
    }
}
