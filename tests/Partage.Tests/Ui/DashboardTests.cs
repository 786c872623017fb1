using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Ui;

/// <summary>The home page speaks to each role about what works for them.</summary>
public class DashboardTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task TheEmployersHome_LeadsToTheirOrganisation_AndNoLongerSaysTheServiceIsClosed()
    {
        await OpenAsync(factory);
        using var browser = await factory.SignedInBrowserAsync(World.Employer);
        var page = await browser.GetStringAsync("/tableau-de-bord");
        Assert.Contains("Espace employeur", page, StringComparison.Ordinal);
        Assert.Contains("class=\"button\" href=\"/employeurs\">Ouvrir mon organisation</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("pas encore ouvert", page, StringComparison.Ordinal);
    }
}
