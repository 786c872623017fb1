using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

public class QuoteTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task Quote_SentByMail_AcceptedThroughTheLink_BecomesAnIssuedInvoice()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var quote = await factory.InScopeAsync(s => s.GetRequiredService<CreateQuote>().HandleAsync(
            new QuoteInput(Sales.Draft(world.LilleActivity, client.Id, ("Concert d'ouverture", "1", "C62", "1500", "FR_2_1")), TestDates.Text(TestDates.Today.AddDays(35))), member));
        Assert.Matches($@"^DV-LNA-{TestDates.Today.Year}-\d{{6}}$", quote.Number);
        Assert.Equal(Money.Eur(153_150), quote.Gross);

        var link = await factory.InScopeAsync(s => s.GetRequiredService<SendQuote>().HandleAsync(quote.Id, member));
        var mail = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().SingleAsync(m => m.Subject.StartsWith($"Devis {quote.Number}")));
        Assert.Equal(client.BillingEmail, mail.To);
        Assert.Contains(link, mail.Body, StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("partage-mail-").FullName;
        await factory.InScopeAsync(async s =>
        {
            s.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.PickupDirectory = folder;
            return await s.GetRequiredService<OutboxSender>().SendPendingAsync();
        });
        Assert.Contains(Directory.GetFiles(folder, "*.eml"), f => File.ReadAllText(f).Contains(quote.Number, StringComparison.Ordinal));

        var token = link[(link.LastIndexOf('/') + 1)..];
        var forged = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<AnswerQuote>().HandleAsync(token[..^4] + "AAAA", true, "X", null)));
        Assert.Equal(InvoicingErrors.QuoteLinkInvalid, forged.Error);
        var nameless = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<AnswerQuote>().HandleAsync(token, true, " ", "203.0.113.7")));
        Assert.Contains("Name", nameless.Errors.Keys);

        // The PDF: for the client behind the link, for the member from their quotes; nobody else.
        var clientPdf = await factory.InScopeAsync(s => s.GetRequiredService<GetQuotePdf>().ForClientAsync(token));
        await File.WriteAllBytesAsync(Path.Combine(InvoiceTests.ArtifactsFolder, "devis.pdf"), clientPdf!.Value.Content);
        var text = Poppler.Text(clientPdf.Value.Content, layout: true);
        Assert.Contains($"Devis {quote.Number}", text, StringComparison.Ordinal);
        Assert.Contains("pour le compte de l'activité", text, StringComparison.Ordinal);
        Assert.Matches(@"Total TTC\s+1\s?531,50\s€", text);
        Assert.Contains("Bon pour accord", text, StringComparison.Ordinal);
        Assert.Null(await factory.InScopeAsync(s => s.GetRequiredService<GetQuotePdf>().ForClientAsync(token[..^4] + "AAAA")));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await factory.InScopeAsync(s => s.GetRequiredService<GetQuotePdf>().HandleAsync(quote.Id, member))).Content, 0, 4), StringComparison.Ordinal);
        var stranger = await factory.ActorAsync(World.ParisMemberEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetQuotePdf>().HandleAsync(quote.Id, stranger)));
        using (var anonymous = factory.CreateClient())
        {
            using var page = await anonymous.GetAsync($"/devis/reponse/{token}?handler=Pdf");
            Assert.Equal("application/pdf", page.Content.Headers.ContentType?.MediaType);
        }

        var accepted = await factory.InScopeAsync(s => s.GetRequiredService<AnswerQuote>().HandleAsync(token, true, "Lucie Martin", "203.0.113.7"));
        Assert.Equal(QuoteStatus.Accepted, accepted.Status);
        Assert.Equal("Lucie Martin", accepted.RespondentName);
        var again = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<AnswerQuote>().HandleAsync(token, false, "Autre", null)));
        Assert.Equal(InvoicingErrors.QuoteAnswered, again.Error);

        var invoice = await factory.InScopeAsync(s => s.GetRequiredService<InvoiceQuote>().HandleAsync(quote.Id, member));
        Assert.Equal(InvoiceStatus.Issued, invoice.Status);
        Assert.Equal(quote.Gross, invoice.Totals.Gross);
        Assert.StartsWith($"Devis {quote.Number} accepté le {TestDates.Today:dd/MM/yyyy} par Lucie Martin", invoice.PurchaseOrder, StringComparison.Ordinal);
        var twice = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<InvoiceQuote>().HandleAsync(quote.Id, member)));
        Assert.Equal(InvoicingErrors.QuoteNotAccepted, twice.Error);
    }

    [Fact]
    public async Task DraftQuote_Rewritten_SameNumber_NewFigures_ThenFrozenOnceSent()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var quote = await factory.InScopeAsync(s => s.GetRequiredService<CreateQuote>().HandleAsync(
            new QuoteInput(Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1000", null)), null), member));
        UpdateQuote Update(IServiceProvider s) => s.GetRequiredService<UpdateQuote>();

        var validUntil = TestDates.Text(TestDates.Today.AddDays(60));
        var rewritten = await factory.InScopeAsync(s => Update(s).HandleAsync(quote.Id,
            new QuoteInput(Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1 200,50", null), ("Répétition", "2", "HUR", "45", null)), validUntil), member));
        Assert.Equal(quote.Number, rewritten.Number);
        Assert.Equal(2, rewritten.Lines.Count);
        Assert.Equal(Money.Eur(129_050), rewritten.Net);   // 1 200,50 + 2 × 45
        Assert.Equal(TestDates.Today.AddDays(60), rewritten.ValidUntil);

        var empty = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => Update(s).HandleAsync(quote.Id,
            new QuoteInput(Sales.Draft(world.LilleActivity, client.Id), null), member)));
        Assert.NotEmpty(empty.Errors);
        Assert.Equal(Money.Eur(129_050), (await factory.InScopeAsync(s => s.GetRequiredService<GetQuote>().HandleAsync(quote.Id, member))).Net);   // nothing half-saved
        var stranger = await factory.ActorAsync(World.ParisMemberEmail);
        Assert.Equal(InvoicingErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => Update(s).HandleAsync(quote.Id,
            new QuoteInput(Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1", null)), null), stranger)))).Error);

        // The editor's page, without JavaScript: the lines as typed the French way, saved again.
        using var browser = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        var page = await browser.GetStringAsync($"/devis/{quote.Id}/modifier");
        Assert.Matches("value=\"1\\s200,5\"", System.Net.WebUtility.HtmlDecode(page));   // a no-break space between thousands
        Assert.DoesNotContain("Input.PurchaseOrder", page, StringComparison.Ordinal);   // a quote keeps none: not asked, so nothing typed is lost
        var fields = BrowserForms.HiddenFields(page);
        (fields["Input.ClientId"], fields["Input.ServiceFrom"], fields["Input.ValidUntil"]) = (client.Id.ToString(), TestDates.Text(TestDates.Today), validUntil);
        (fields["Input.Lines[0].Description"], fields["Input.Lines[0].Quantity"], fields["Input.Lines[0].Unit"], fields["Input.Lines[0].UnitPrice"], fields["Input.Lines[0].VatCode"]) =
            ("Concert", "1", "C62", "900", "FR_20");
        using (var saved = await browser.PostAsync($"/devis/{quote.Id}/modifier", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(Money.Eur(90_000), (await factory.InScopeAsync(s => s.GetRequiredService<GetQuote>().HandleAsync(quote.Id, member))).Net);

        await factory.InScopeAsync(s => s.GetRequiredService<SendQuote>().HandleAsync(quote.Id, member));
        Assert.Equal(InvoicingErrors.QuoteNotDraft, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => Update(s).HandleAsync(quote.Id,
            new QuoteInput(Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1", null)), null), member)))).Error);
        using var sent = await browser.GetAsync($"/devis/{quote.Id}/modifier");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
    }

    [Fact]
    public async Task Send_TheMemberNeverGetsTheClientsLink()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var quote = await factory.InScopeAsync(s => s.GetRequiredService<CreateQuote>().HandleAsync(
            new QuoteInput(Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "300", "FR_2_1")), TestDates.Text(TestDates.Today.AddDays(20))), member));
        using var api = await factory.ClientForAsync(World.LilleMemberEmail);
        using var sent = await api.PostAsync($"/api/v1/quotes/{quote.Id}/send", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, sent.StatusCode);
        var body = await sent.Content.ReadAsStringAsync();
        Assert.Equal("{\"status\":\"sent\"}", body);
        var mail = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().SingleAsync(m => m.Subject.StartsWith($"Devis {quote.Number}")));
        Assert.Contains("/devis/reponse/", mail.Body, StringComparison.Ordinal);   // the client has it, by mail
        // From the cooperative for the member's activity; the client's answer goes to the member.
        Assert.EndsWith("— La Nouvelle Aventure — pour le compte de l'activité Quartet Durand", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("La Nouvelle Aventure — pour le compte de l'activité Quartet Durand", mail.Body, StringComparison.Ordinal);
        Assert.Equal(World.LilleMemberEmail, mail.ReplyTo);
    }

    [Fact]
    public async Task Link_OpensThePublicPageWithoutAccount_ForgedLinkIs404()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var (_, token) = await Sales.SentQuoteAsync(factory, world.LilleActivity, client.Id, "300", TestDates.Text(TestDates.Today.AddDays(1)));
        Assert.NotNull(await factory.InScopeAsync(s => s.GetRequiredService<AnswerQuote>().FindAsync(token)));
        using var anonymous = factory.CreateClient();
        using var publicPage = await anonymous.GetAsync($"/devis/reponse/{token}");
        Assert.Equal(System.Net.HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/devis/reponse/{token}x")).StatusCode);

        // The client reads who sells, for which activity, each line with its VAT, and the totals in French.
        var html = System.Net.WebUtility.HtmlDecode(await publicPage.Content.ReadAsStringAsync());
        Assert.Contains("<strong>La Nouvelle Aventure</strong> — pour le compte de l'activité Quartet Durand", html, StringComparison.Ordinal);
        Assert.Contains("TVA 20 %", html, StringComparison.Ordinal);
        Assert.Contains("300\u00a0€", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\" colspan=\"3\">TVA</th><td class=\"figure\">60,00\u00a0€</td></tr>", html, StringComparison.Ordinal);
        Assert.Matches("<button[^>]*class=\"secondary\"[^>]*>Refuser</button>", html);
    }
}

/// <summary>
/// The quote link expires when the quote's last valid day ends in Paris, by the application's
/// clock: main failed from 28 November 2026 because the link's expiry read the machine's clock.
/// Its own factory, since it moves the clock.
/// </summary>
public class QuoteLinkExpiryTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task Link_ExpiresWhenTheLastValidDayEndsInParis_WhateverTheMachineClock()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var validUntil = TestDates.Today.AddDays(1);   // at the default clock, 27 November 2026
        var (_, token) = await Sales.SentQuoteAsync(factory, world.LilleActivity, client.Id, "300", TestDates.Text(validUntil));
        using var anonymous = factory.CreateClient();
        var end = ParisTime.EndOf(validUntil);   // 28 November 00:00 in Paris = 27 November 23:00 UTC
        Assert.Equal(validUntil.ToDateTime(TimeOnly.MinValue), end.UtcDateTime.Date);

        // The last second of the day in Paris: still valid.
        factory.Clock.SetUtcNow(end.AddSeconds(-1));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync($"/devis/reponse/{token}")).StatusCode);

        // Midnight in Paris on the next day (still the last valid day in UTC): expired.
        factory.Clock.SetUtcNow(end);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/devis/reponse/{token}")).StatusCode);
        var expired = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<AnswerQuote>().HandleAsync(token, true, "Lucie Martin", null)));
        Assert.Equal(InvoicingErrors.QuoteLinkInvalid, expired.Error);
    }
}
