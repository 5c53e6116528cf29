<?php
// Freeside parity through PHP's xmlrpc extension: flat lists and structs on both prefixes, answers compared
// with === (strict: a string '1', not an int), idempotent suspend/unsuspend/logout. Prints 'ok NAME' or 'FAIL NAME'.
$url = getenv('FSGW_URL');
$user = getenv('FSGW_USER');
$pass = getenv('FSGW_PASS');
$agentnum = getenv('FSGW_AGENTNUM');
$domain = getenv('FSGW_DOMAIN');
$account = getenv('FSGW_ACCOUNT');
$custnum = getenv('FSGW_CUSTNUM');
$failures = 0;

function call($method, array $params) {
  global $url;
  $request = xmlrpc_encode_request($method, $params, ['encoding' => 'UTF-8']);
  $context = stream_context_create(['http' => ['method' => 'POST', 'header' => "Content-Type: text/xml\r\n",
    'content' => $request]]);
  return xmlrpc_decode(file_get_contents($url, false, $context), 'UTF-8');
}

function check($name, $ok, $detail = null) {
  global $failures;
  if ($ok) {
    echo "ok $name\n";
  } else {
    $failures++;
    echo "FAIL $name: " . var_export($detail, true) . "\n";
  }
}

foreach (['FS.SelfService.XMLRPC.', 'FS.ClientAPI_XMLRPC.'] as $prefix) {
  $login = call("{$prefix}agent_login", [['username' => $user, 'password' => $pass]]);
  check("{$prefix}login struct", $login['error'] === '' && is_string($login['session_id']), $login);
  $login = call("{$prefix}agent_login", ['username', $user, 'password', $pass]);
  check("{$prefix}login flat", $login['error'] === '', $login);
  $session = $login['session_id'];
  $r = call("{$prefix}check_username", ['session_id', $session, 'username', 'freeuser', 'domain', $domain]);
  check("{$prefix}available === '1'", $r['available'] === '1', $r);
  $r = call("{$prefix}check_username", [['session_id' => $session, 'username' => $account, 'domain' => $domain]]);
  check("{$prefix}taken === '0'", $r['available'] === '0', $r);
  $r = call("{$prefix}agent_info", ['session_id', $session]);
  check("{$prefix}agentnum === string", $r['agentnum'] === $agentnum, $r);
  foreach (['suspend_username', 'suspend_username', 'unsuspend_username', 'unsuspend_username'] as $method) {
    $r = call("{$prefix}$method", ['session_id', $session, 'username', $account, 'domain', $domain]);
    check("{$prefix}$method answers ''", $r === ['error' => ''], $r);
  }
  $r = call("{$prefix}agent_list_customers", [['session_id' => $session, 'search' => $custnum]]);
  $customer = $r['customers'][0] ?? [];
  check("{$prefix}listed custnum === string", ($customer['custnum'] ?? null) === $custnum, $customer);
  check("{$prefix}undefined paydate reads as ''", ($customer['paydate'] ?? null) === '', $customer['paydate'] ?? null);
  check("{$prefix}no payinfo", !isset($customer['payinfo']) && !isset($customer['payinfo_enc']));
  $r = call("{$prefix}agent_login", ['username', $user, 'password']);
  check("{$prefix}odd list is a fault", is_array($r) && xmlrpc_is_fault($r) && $r['faultCode'] === -32602, $r);
  $r = call("{$prefix}agent_logout", ['session_id', $session]);
  check("{$prefix}logout", $r === ['error' => ''], $r);
  $r = call("{$prefix}agent_logout", [['session_id' => $session]]);
  check("{$prefix}logout again answers ''", $r === ['error' => ''], $r);
}
exit($failures ? 1 : 0);
