using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Ledger;

/// <summary>The manual entry's activity is picked by its name and its member, not typed as an identifier.</summary>
public sealed class ManualEntryPageTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task ActivityPickedByItsLabel_PostedOnIt_AnUnknownOneRefusedInWords()
    {
        var world = await OpenAsync(factory);
        var label = (await factory.InScopeAsync(s => s.GetRequiredService<IActivityDirectory>().ChoicesAsync(Lna))).Single(c => c.Id == world.LilleActivity).Label;
        Assert.Matches(@"^.+ — n° [0-9]+ .+$", label);

        using var browser = await factory.SignedInBrowserAsync(World.Finance);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/comptabilite?entity=LNA"));
        Assert.Contains($"<option value=\"{label}\"></option>", page, StringComparison.Ordinal);
        Assert.Contains("list=\"activites\"", page, StringComparison.Ordinal);

        async Task<string> PostAsync(string activity, string piece)
        {
            var fields = BrowserForms.HiddenFields(await browser.GetStringAsync("/comptabilite?entity=LNA"));
            fields["EntryDate"] = TestDates.Text(TestDates.Today);
            fields["Journal"] = "OD";
            fields["EntryLabel"] = "Frais refacturés à l'activité";
            fields["PieceRef"] = piece;
            (fields["Lines[0].Account"], fields["Lines[0].Side"], fields["Lines[0].Amount"], fields["Lines[0].ActivityId"]) = ("627", "D", "12,30", activity);
            (fields["Lines[1].Account"], fields["Lines[1].Side"], fields["Lines[1].Amount"]) = ("512", "C", "12,30");
            using var response = await browser.PostAsync("/comptabilite?entity=LNA&handler=Entry", new FormUrlEncodedContent(fields));
            return response.StatusCode == HttpStatusCode.Redirect ? "posted" : WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        var refused = await PostAsync("Une activité qui n'existe pas", "PICK-1");
        Assert.Contains("Ligne 1 : choisissez l'activité dans la liste", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Une activité qui n'existe pas\"", refused, StringComparison.Ordinal);   // what was typed stays

        Assert.Equal("posted", await PostAsync(label, "PICK-2"));
        var charged = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Posting>().AsNoTracking()
            .Join(s.GetRequiredService<PartageDbContext>().Set<JournalEntry>(), p => p.EntryId, e => e.Id, (p, e) => new { p.ActivityId, e.PieceRef })
            .Where(x => x.PieceRef == "PICK-2").Select(x => x.ActivityId).ToListAsync());
        Assert.Contains((ActivityId?)world.LilleActivity, charged);
    }
}
