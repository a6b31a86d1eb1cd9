using Hub.Gateway;
using Hub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRequestTimeouts();
app.MapReverseProxy();

app.Run();
