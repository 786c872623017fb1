using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using static Partage.Tests.Ledger.Books;
using Partage.Kernel;

namespace Partage.Tests.Safety;

/// <summary>
/// A form of the UI sent twice as it was rendered (double click, "send again" after a timeout)
/// is done once: every POST form carries its own idempotency key. Signed in with a cookie, as a browser.
/// </summary>
public partial class FormDoubleSubmitTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [GeneratedRegex("""<form method="post"[^>]*action="(?<action>[^"]*handler=Payment[^"]*)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex PaymentForm();

    [Fact]
    public async Task PaymentForm_DoubleClicked_RecordedOnce_BothAnsweredWithTheResult()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var invoice = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1000", null)));
        using var browser = await factory.SignedInBrowserAsync(World.Finance);

        var page = await browser.GetStringAsync($"/factures/{invoice.Id}");
        var form = PaymentForm().Match(page);
        Assert.True(form.Success, "the payment form is on the invoice page");
        var fields = BrowserForms.HiddenFields(form.Groups["body"].Value);
        Assert.Contains(App.Infrastructure.Http.Idempotency.FormField, fields.Keys);
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        fields["Payment.Amount"] = "250,00";
        fields["Payment.Date"] = TestDates.TodayText;
        fields["Payment.Reference"] = "VIR-DOUBLE";
        var action = WebUtility.HtmlDecode(form.Groups["action"].Value);

        // A double click: the two copies leave together; the second waits for the first and shows its result.
        var copies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => browser.PostAsync(action, new FormUrlEncodedContent(fields)))));
        using var first = copies[0];
        using var second = copies[1];
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var payments = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<InvoicePayment>().CountAsync(p => p.InvoiceId == invoice.Id));
        Assert.Equal(1, payments);

        // Sent again later as it was: the same answer, still one payment.
        using var resent = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(first.Headers.Location, resent.Headers.Location);
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<InvoicePayment>().CountAsync(p => p.InvoiceId == invoice.Id)));

        // A new rendering of the form is a new payment.
        var again = BrowserForms.HiddenFields(PaymentForm().Match(await browser.GetStringAsync($"/factures/{invoice.Id}")).Groups["body"].Value);
        Assert.NotEqual(fields[App.Infrastructure.Http.Idempotency.FormField], again[App.Infrastructure.Http.Idempotency.FormField]);
    }
}
